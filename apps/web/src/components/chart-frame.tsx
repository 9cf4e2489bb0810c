import { Component, type ReactNode, Suspense } from 'react';

/**
 * Where a lazily loaded chart goes: a sized placeholder while its code loads, and a message
 * instead of a blank space if the chunk fails to load (an old tab after a deploy, say).
 */
export function ChartFrame({
  label,
  height = 260,
  children,
}: {
  label: string;
  height?: number;
  children: ReactNode;
}) {
  return (
    <ChunkBoundary label={label}>
      <Suspense
        fallback={
          <div
            className="chart-skeleton"
            style={{ height }}
            role="status"
            aria-busy="true"
            aria-label={`Loading ${label}`}
          />
        }
      >
        {children}
      </Suspense>
    </ChunkBoundary>
  );
}

class ChunkBoundary extends Component<{ label: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p className="form-error" role="alert">
        The {this.props.label} could not be drawn. Reload the page to try again.
      </p>
    );
  }
}
