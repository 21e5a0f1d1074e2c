import { useContext } from 'react';
import { SessionContext, type TSessionContext } from './SessionContext';

export function useSession(): TSessionContext {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
