// The few web-platform globals core may use: each exists alike in Node 20 and in every browser the web app
// supports. Only core's own type-check (core/tsconfig.json) reads this file; the root config gets them from DOM.

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

declare function structuredClone<T>(value: T): T;
