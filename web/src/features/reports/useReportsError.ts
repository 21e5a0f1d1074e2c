import { reportsKeys } from './reportsKeys';
import { useApiError } from '../../api/useApiError';

/** Shows a failed reports call in the UI language (refusals by reason key), reloading the reports on 409. */
export function useReportsError() {
  return useApiError({ reload: [reportsKeys.all] });
}
