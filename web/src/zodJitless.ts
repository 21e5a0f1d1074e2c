import { z } from 'zod';

// Issue 18 item 7: the page runs under a Content-Security-Policy without 'unsafe-eval'. Zod would otherwise probe
// `new Function` for its compiled fast path (a CSP violation even though the error is caught); jitless parses the
// same, interpreted.
z.config({ jitless: true });
