import { useCallback, useEffect, useRef, useState } from 'react';

const key = (slug: string) => `reps:draft:${slug}`;

function read(slug: string): string | null {
  try {
    return localStorage.getItem(key(slug));
  } catch {
    return null; // storage disabled (private mode, policy): the draft lives in memory only
  }
}

/**
 * The learner's pipeline for one challenge, kept in localStorage as they type (a moment after the
 * last key), so a reload or a crash never loses work. Starts from the starter when there is none.
 */
export function useDraft(slug: string, starter: string) {
  const [value, setValue] = useState(() => read(slug) ?? starter);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      try {
        localStorage.setItem(key(slug), value);
        setSavedAt(Date.now());
      } catch {
        // quota or disabled storage: nothing to do but keep the draft in memory
      }
    }, 400);
    return () => clearTimeout(timer);
  }, [slug, value]);

  const reset = useCallback(() => setValue(starter), [starter]);
  return { value, setValue, reset, savedAt, isStarter: value === starter };
}
