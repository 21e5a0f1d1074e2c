import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../i18n/initI18n';

// findBy*/waitFor wait for what the user waits for; on a loaded machine a page's chunk (issue 12 item 18: pages load
// when their route opens) can take longer than the library's 1 s default to arrive. A ceiling, not a speed check.
configure({ asyncUtilTimeout: 20_000 });

// jsdom lacks these browser APIs; antd's responsive helpers and tables call them.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
  Object.defineProperty(globalThis, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
}

afterEach(() => {
  cleanup();
});
