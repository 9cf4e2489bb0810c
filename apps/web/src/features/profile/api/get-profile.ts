import type { PublicProfile, SignedRecord } from '@reps/shared';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const getProfile = (handle: string) => api<PublicProfile>(`/users/${encodeURIComponent(handle)}`);

export const profileQueryOptions = (handle: string) =>
  queryOptions({ queryKey: ['profile', handle], queryFn: () => getProfile(handle) });

export const useProfile = (handle: string) => useQuery(profileQueryOptions(handle));

export interface Verification {
  signed: SignedRecord;
  valid: boolean;
}

/**
 * Verifies a result the way a third party would: fetch the signed record, then ask the server
 * whether it signed exactly that record.
 */
export async function verifyResult(verificationId: string): Promise<Verification> {
  const signed = await api<SignedRecord>(`/verify/${encodeURIComponent(verificationId)}`);
  const { valid } = await api<{ valid: boolean }>('/verify', {
    method: 'POST',
    body: JSON.stringify({ record: signed.record, signature: signed.signature }),
  });
  return { signed, valid };
}

export const useVerifyResult = () => useMutation({ mutationFn: verifyResult });
