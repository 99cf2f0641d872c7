// The offline shell (README "Install on a phone and offline work"): rendered in the browser from what the device keeps in
// IndexedDB; the service worker serves it when /penilaian cannot be reached.
export const ssr = false;
