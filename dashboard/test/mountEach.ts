import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

/** What a suite renders into: a document-attached container and its React root. */
export type Mount = { container: HTMLElement; root: Root };

/** A fresh container and root for each test of the calling suite, unmounted and removed after it. */
export function mountEach(): Mount {
  const mount = {} as Mount;
  beforeEach(() => {
    mount.container = document.createElement('div');
    document.body.append(mount.container);
    mount.root = createRoot(mount.container);
  });
  afterEach(async () => {
    await act(async () => mount.root.unmount());
    mount.container.remove();
  });
  return mount;
}
