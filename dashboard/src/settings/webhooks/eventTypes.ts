/** The event types a webhook may choose (docs/webhooks.md), each with what it reports. */
export const EVENT_TYPES: { type: string; explanation: string }[] = [
  { type: 'message.created', explanation: 'A message was stored (visitor, agent, note or system line).' },
  { type: 'conversation.opened', explanation: 'A visitor’s message started a new thread.' },
  { type: 'conversation.assigned', explanation: 'A conversation was assigned, transferred or returned to the queue.' },
  { type: 'conversation.closed', explanation: 'A thread was closed or resolved.' },
  { type: 'conversation.reopened', explanation: 'A closed thread was reopened.' },
  { type: 'conversation.tagged', explanation: 'Tags were added to or removed from a conversation.' },
  { type: 'thread.rated', explanation: 'The visitor rated a thread.' },
  { type: 'visitor.created', explanation: 'A visitor was seen for the first time.' },
  { type: 'visitor.updated', explanation: 'A visitor’s details changed.' },
];

/** The choice of every type, also types added later. */
export const EVERY_TYPE = '*';

/** The most subscriptions a website may have (`WEBHOOKS_MAX_PER_WEBSITE` by default). */
export const MAX_WEBHOOKS = 20;

/** A subscription's event types as a reader sees them. */
export function describeTypes(types: string[]): string {
  return types.includes(EVERY_TYPE) ? 'All events' : types.join(', ');
}
