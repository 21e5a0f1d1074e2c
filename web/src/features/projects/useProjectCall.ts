import type { TProject } from '@techserve/core';
import type { FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError } from '../../api/client';
import { useProjectError } from './useProjectError';
import { projectKeys } from './projectKeys';
import { type TRecordCall, useRecordCall } from './useRecordCall';

/**
 * A change to a project (or its plan, materials, costs, documents) answered with the whole project. `run` resolves
 * true on success; on failure it reports the error (field errors onto `form`), reloads the project after a 409, and
 * resolves false.
 */
export function useProjectCall(projectId: number) {
  const call = useRecordCall<TProject>(projectKeys.detail(projectId), projectKeys.lists());
  const showError = useProjectError();
  const queryClient = useQueryClient();
  const run = useCallback(
    async (request: TRecordCall, form?: FormInstance, quiet422 = false) => {
      try {
        await call.mutateAsync(request);
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.status === 409)
          void queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) });
        if (!(quiet422 && error instanceof ApiError && error.status === 422)) showError(error, form);
        return false;
      }
    },
    [call, projectId, queryClient, showError],
  );
  return { run, pending: call.isPending, error: call.error, reset: call.reset };
}
