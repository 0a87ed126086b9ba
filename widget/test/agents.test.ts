import { describe, expect, it } from 'vitest';
import { AgentSide } from '../src/core/agents';
import { webUrl } from '../src/core/url';

const read = (kind: string, seq: number) => ({ type: 'message:read', seq, data: { reader: { kind, id: 'a1' }, seq } });

describe('AgentSide', () => {
  it('marks read what the session says agents read, so the marks survive a reload', () => {
    const side = new AgentSide();
    side.load(4, []);
    expect(side.readSeq).toBe(4);
  });

  it('moves the mark forward on live reads by agents, never back, and ignores the visitor\'s own reads', () => {
    const side = new AgentSide();
    side.load(3, undefined);
    expect(side.read(read('ACTOR_KIND_AGENT', 5))).toBe(true);
    expect(side.read(read('ACTOR_KIND_AGENT', 2))).toBe(false);
    expect(side.read(read('ACTOR_KIND_VISITOR', 9))).toBe(false);
    side.load(1, []);
    expect(side.readSeq).toBe(5);
  });

  it('keeps only http and https avatars', () => {
    const side = new AgentSide();
    side.load(0, [
      { id: 'web', name: 'Ann', avatar_url: 'https://cdn.example/ann.png' },
      { id: 'script', avatar_url: 'javascript:alert(1)' },
      { id: 'data', avatar_url: 'data:image/png;base64,AAAA' },
      { id: 'none', avatar_url: null },
    ]);
    expect(side.avatar('web')).toBe('https://cdn.example/ann.png');
    expect(['script', 'data', 'none', 'unknown', null].map((id) => side.avatar(id))).toEqual(['', '', '', '', '']);
  });

  it('asks once for the profile of an agent the session did not name', () => {
    const side = new AgentSide();
    side.load(0, [{ id: 'known' }]);
    expect([side.missing('known'), side.missing('new'), side.missing('new'), side.missing(null)]).toEqual([false, true, false, false]);
    side.add({ id: 'new', avatar_url: 'https://cdn.example/new.png' });
    expect(side.avatar('new')).toBe('https://cdn.example/new.png');
  });
});

describe('webUrl', () => {
  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['http://example.com', 'http://example.com/'],
    ['javascript:alert(1)', null],
    ['//example.com/x.png', null],
    ['', null],
    [null, null],
  ])('%s gives %s', (text, expected) => {
    const url = webUrl(text);
    expect(url ? url.href : null).toBe(expected);
  });
});
