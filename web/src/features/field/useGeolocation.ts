import { useCallback, useState } from 'react';

export type TPosition = { lat: number; lng: number; accuracy: number };
export type TGeoState = { status: 'idle' | 'locating' | 'ok' | 'denied' | 'unavailable'; position: TPosition | null };

/**
 * The device's position for a check-in, asked for only when `locate()` is called. Never blocks the caller: without
 * a geolocation API, when the user refuses, or after `timeoutMs`, it resolves to null (check-in works without it).
 */
export function useGeolocation(timeoutMs = 8000) {
  const [state, setState] = useState<TGeoState>({ status: 'idle', position: null });
  const locate = useCallback(
    () =>
      new Promise<TPosition | null>((resolve) => {
        const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
        if (!geo) {
          setState({ status: 'unavailable', position: null });
          resolve(null);
          return;
        }
        setState({ status: 'locating', position: null });
        let settled = false;
        const finish = (next: TGeoState) => {
          if (settled) return;
          settled = true;
          clearTimeout(guard);
          setState(next);
          resolve(next.position);
        };
        // Some browsers never call back when the prompt is ignored: our own timer ends the wait.
        const guard = setTimeout(() => finish({ status: 'unavailable', position: null }), timeoutMs + 500);
        try {
          geo.getCurrentPosition(
            (pos) =>
              finish({ status: 'ok', position: { lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: pos.coords.accuracy } }),
            (error) => finish({ status: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable', position: null }),
            { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
          );
        } catch {
          finish({ status: 'unavailable', position: null });
        }
      }),
    [timeoutMs],
  );
  return { ...state, locate };
}
