import type {
  TDefectDiscussionCommentCreate,
  TDefectDiscussionConclude,
  TDefectDiscussionOpen,
  TDefectDiscussionResult,
} from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** SR-15: the team discussion of a defect report — read, raise, comment, conclude. */
export function useDefectDiscussion(defectId: number | null) {
  const queryClient = useQueryClient();
  const path = `/defects/${defectId}/discussion`;
  const query = useQuery({
    queryKey: ['defects', 'discussion', defectId],
    queryFn: ({ signal }) => api<TDefectDiscussionResult>(path, { signal }),
    enabled: defectId != null,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['defects'] });
  const raise = useMutation({
    mutationFn: (body: TDefectDiscussionOpen) => api<TDefectDiscussionResult>(path, { method: 'POST', body }),
    onSuccess: refresh,
  });
  const comment = useMutation({
    mutationFn: (body: TDefectDiscussionCommentCreate) => api<TDefectDiscussionResult>(`${path}/comments`, { method: 'POST', body }),
    onSuccess: refresh,
  });
  const conclude = useMutation({
    mutationFn: (body: TDefectDiscussionConclude) => api<TDefectDiscussionResult>(`${path}/conclude`, { method: 'POST', body }),
    onSuccess: refresh,
  });
  return { discussion: query.data?.discussion ?? null, loading: query.isLoading, raise, comment, conclude };
}
