import type { TErrorBody, TReasonParams } from '@techserve/core';
import { QueryCache, QueryClient, MutationCache } from '@tanstack/react-query';

export type ApiErrorDetail = { path: string; message: string; reason?: string; params?: TReasonParams };

/** An error answered by the API: HTTP status plus the `{error:{code,message,details}}` body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly ruleId?: string;
  /** The refusal's key in core's REASONS and its parameters: the UI translates by these (`localizeByReason`). */
  readonly reason?: string;
  readonly params?: TReasonParams;
  readonly details: ApiErrorDetail[];

  constructor(status: number, body: Partial<TErrorBody['error']>) {
    super(body.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? 'http_error';
    this.ruleId = body.ruleId;
    this.reason = body.reason;
    this.params = body.params as TReasonParams | undefined;
    this.details = (body.details ?? []) as ApiErrorDetail[];
  }
}

// The CSRF token is kept in memory only (it comes with login/session answers).
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

const unauthorizedListeners = new Set<() => void>();
/** Called whenever any request answers 401, so the app can return to the login page. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => {
    unauthorizedListeners.delete(listener);
  };
}

export type ApiRequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
  /** Extra headers, e.g. `Idempotency-Key` on a create. */
  headers?: Record<string, string>;
};

/**
 * fetch wrapper for `/api/v1`: same-origin cookies, CSRF header on writes, JSON in and out. A `FormData` body is
 * sent as multipart (the browser sets the boundary).
 */
export async function api<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const multipart = options.body instanceof FormData;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (method !== 'GET') {
    if (!multipart) headers['content-type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  const url = `/api/v1${path}${qs ? `?${qs}` : ''}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body ?? {}),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { code: 'network_error', message: (cause as Error).message });
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const body = (data as Partial<TErrorBody> | null)?.error ?? {};
    const error = new ApiError(response.status, body);
    if (response.status === 401) {
      for (const listener of unauthorizedListeners) listener();
    }
    throw error;
  }
  return data as T;
}

/**
 * A POST whose answer streams JSON lines (application/x-ndjson), e.g. progress then a result: each parsed line goes to
 * onLine as it arrives. A refusal before the stream starts is an ApiError, like api().
 */
export async function apiLines(path: string, body: unknown, onLine: (line: unknown) => void): Promise<void> {
  const headers: Record<string, string> = { accept: 'application/x-ndjson', 'content-type': 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(body) });
  } catch (cause) {
    throw new ApiError(0, { code: 'network_error', message: (cause as Error).message });
  }
  if (!response.ok || !response.body) {
    const data = (await response.json().catch(() => null)) as Partial<TErrorBody> | null;
    if (response.status === 401) for (const listener of unauthorizedListeners) listener();
    throw new ApiError(response.status, data?.error ?? {});
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffered += decoder.decode(value, { stream: !done });
    const lines = buffered.split('\n');
    buffered = done ? '' : (lines.pop() ?? '');
    for (const line of lines) if (line.trim()) onLine(JSON.parse(line));
    if (done) return;
  }
}

/** The app's query client: no retry on 4xx answers, short stale time. */
export function createQueryClient(onError?: (error: unknown) => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({}),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}

/** A page of a keyset-paginated list. */
export type Page<T> = { items: T[]; nextCursor: string | null };
