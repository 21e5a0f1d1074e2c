// Issue 18 item 7: the app runs under a Content-Security-Policy without 'unsafe-eval'. Zod probes `new Function` for
// its compiled fast path when a schema is built (a CSP violation even though the error is caught) unless its global
// configuration says jitless. A classic script runs before every module chunk, so the setting is there before any
// schema is built, whatever order the bundler gives the chunks; jitless parses the same, interpreted.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
