// The results panel (a later change); bundled so the build has every entry from the start.
export {};
