import { ApiError } from '../../../lib/api-client';
import { useVerifyResult } from '../api/get-profile';

/** Checks one result's signature with the server and says what it found. */
export function VerifyButton({ verificationId, label }: { verificationId: string; label: string }) {
  const verify = useVerifyResult();
  if (verify.data) {
    return verify.data.valid ? (
      <span className="verify verify--ok" role="status" title={`HMAC-SHA256 ${verify.data.signed.signature}`}>
        ✓ Signature valid
      </span>
    ) : (
      <span className="verify verify--bad" role="status">
        ✗ Signature not valid
      </span>
    );
  }
  return (
    <>
      <button
        type="button"
        className="button button--small button--ghost"
        onClick={() => verify.mutate(verificationId)}
        disabled={verify.isPending}
        aria-label={`Verify ${label}`}
      >
        {verify.isPending ? 'Verifying…' : 'Verify'}
      </button>
      {verify.isError && (
        <span className="verify verify--bad" role="alert">
          {verify.error instanceof ApiError ? verify.error.message : 'Verification failed.'}
        </span>
      )}
    </>
  );
}
