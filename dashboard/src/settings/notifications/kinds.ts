/** A notification kind worded for people: its name, and what it is about. */
export type KindText = { label: string; explanation: string };

const KINDS: Record<string, KindText> = {
  new_conversation: {
    label: 'New conversations',
    explanation: 'A mail when a visitor starts a conversation on this website.',
  },
  assignment: {
    label: 'Assigned to me',
    explanation: 'A mail when someone else assigns a conversation to you.',
  },
  offline_message: {
    label: 'Offline messages',
    explanation: 'A mail when a visitor leaves a message while nobody is online (only its group, when it has one).',
  },
  missed_reply: { label: 'Missed reply', explanation: 'The mail to a visitor who has not read an agent’s reply.' },
  transcript: { label: 'Transcript', explanation: 'The chat’s transcript, mailed to a visitor who asked for it when the chat ended.' },
  invitation: { label: 'Invitation', explanation: 'The mail inviting someone to join the website.' },
  webhook_disabled: {
    label: 'Webhook disabled',
    explanation: 'The mail to owners and admins when a webhook was turned off after its deliveries kept failing.',
  },
};

/** The words for `kind`; a kind this dashboard does not know yet is named by its key. */
export function kindText(kind: string): KindText {
  return KINDS[kind] ?? { label: kind.replace(/_/g, ' '), explanation: '' };
}

/** The kinds the notification log can be filtered by (its API's `kind` values). */
export const LOG_KINDS = ['new_conversation', 'assignment', 'offline_message', 'missed_reply', 'transcript', 'invitation', 'webhook_disabled'];

const REASONS: Record<string, string> = {
  self_originated: 'Not sent: the recipient did this themselves.',
  recipient_unreachable: 'Not sent: the recipient’s account is disabled or has no email address.',
  unopenable_secret: 'Not sent: the link it should carry could not be read (a damaged or foreign event).',
  smtp_refused_recipient: 'The mail server refused this address for good.',
  unsubscribed: 'Not sent: the recipient unsubscribed from these mails.',
  smtp_gave_up: 'The mail server could not take it for 48 hours, so sending was given up.',
};

/** A machine-readable reason of the log as a sentence; an unknown one is quoted as it came. */
export function reasonText(reason: string): string {
  return REASONS[reason] ?? `Reason: ${reason}`;
}
