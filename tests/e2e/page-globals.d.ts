// What the browser tests put on the page's window (inside page.evaluate), for the type checker.
export {};

declare global {
  interface Window {
    /** timing and progress probes of the big-import and big-cluster tests */
    __probe: any;
    /** set by an injected script if an XSS payload ever ran */
    pwned?: unknown;
    /** undoes the storage failure the annotations test provokes */
    restoreStorage?: () => void;
  }
}
