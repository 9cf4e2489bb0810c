import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface ServiceCheck {
  status: 'up' | 'down';
  latency_ms: number;
  error?: string;
}

export interface Health {
  status: 'ok' | 'unavailable';
  down: string[];
  checks: { postgres: ServiceCheck; redis: ServiceCheck };
  workers: number | null;
  uptime_s: number;
}

export const getHealth = () => api<Health>('/health', { acceptStatus: [503] });

export const healthQueryOptions = () =>
  queryOptions({ queryKey: ['health'], queryFn: getHealth, refetchInterval: 15_000 });

export const useHealth = () => useQuery(healthQueryOptions());
