/** Grey placeholder blocks shown while content loads, so the layout never jumps or goes blank. */
export function Skeleton({ lines = 1, className = '' }: { lines?: number; className?: string }) {
  return (
    <div className={`skeleton ${className}`} aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton__line" />
      ))}
    </div>
  );
}
