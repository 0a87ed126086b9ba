import { Fragment } from 'react';

/** A search snippet as text, with the API's highlight ranges in `<mark>`. */
export function Highlighted(props: { text: string; highlights: { start: number; end: number }[] }) {
  const ranges = [...props.highlights]
    .filter((h) => h.start >= 0 && h.end > h.start && h.start < props.text.length)
    .sort((a, b) => a.start - b.start);
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const { start, end } of ranges) {
    if (start < at) continue;
    if (start > at) parts.push({ text: props.text.slice(at, start), mark: false });
    parts.push({ text: props.text.slice(start, Math.min(end, props.text.length)), mark: true });
    at = Math.min(end, props.text.length);
  }
  if (at < props.text.length) parts.push({ text: props.text.slice(at), mark: false });
  return (
    <>
      {parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}
