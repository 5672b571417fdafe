// window.lectern, the page's interface for tests and power users (main.js lecternApi), for the
// type checker: the browser tests (tests/e2e) call it inside page.evaluate.
import type { lecternApi } from './main.js';

declare global {
  interface Window {
    lectern: ReturnType<typeof lecternApi>;
  }
}
