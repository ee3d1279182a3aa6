import type { TextSegment } from '../../../api/handbook';

/** Text with the matched words marked. */
export function Highlight({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.isHit ? (
          <mark key={i} className="zg-hit">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
