/// <reference types="vite/client" />

// Issue 17 ("Fast"): what first-paint.ts (run before the app's entry) hands to the app.
interface Window {
  /** Settles once the app's stylesheets have loaded (or failed). */
  duetStyles?: Promise<void>;
  /** The session read first-paint.ts started on Today (the app takes its answer; the server is asked once). */
  duetSessionRead?: Promise<Response>;
}
