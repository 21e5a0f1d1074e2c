import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useApiError } from '../../api/useApiError';

/** Shows a travel API error (with its rule id such as FS-3, TR-1, TR-2) and marks the form fields it names. */
export function useTravelError() {
  const show = useApiError();
  return useCallback((error: unknown, form?: FormInstance) => show(error, form), [show]);
}
