/** A link the API gives (`/field/visit-files/3` or already `/api/v1/...`) as a URL the browser can open. */
export function apiUrl(url: string): string {
  return /^(https?:|data:|blob:|\/api\/)/.test(url) ? url : `/api/v1${url.startsWith('/') ? '' : '/'}${url}`;
}
