/** A scene (./scene.ts) as inline SVG: vector, so a printed map is as sharp as the printer. */
import { memo, useId } from 'react';
import type { Scene } from './scene';

/** Halo around names, in page units. */
const HALO_WIDTH = 2.4;
const HATCH_SPACING = 4;

/** Memoised: a scene has thousands of shapes, and the page around it re-renders with every pointer move. */
export const StaticMapSvg = memo(function StaticMapSvg({ scene, label, className }: { scene: Scene; label: string; className?: string }) {
  const id = useId();
  const hatch = `${id}-hatch`;
  const clip = `${id}-clip`;
  return (
    <svg className={className} viewBox={`0 0 ${scene.width} ${scene.height}`} role="img" aria-label={label} data-testid="static-map" preserveAspectRatio="xMidYMid meet">
      <defs>
        <pattern id={hatch} width={HATCH_SPACING} height={HATCH_SPACING} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1={0} y1={0} x2={0} y2={HATCH_SPACING} stroke="#8a8a8a" strokeWidth={0.8} />
        </pattern>
        <clipPath id={clip}>
          <rect width={scene.width} height={scene.height} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clip})`}>
        <rect width={scene.width} height={scene.height} fill={scene.background} />
        {scene.paths.map((p, i) => (
          <g key={i}>
            <path
              d={p.d}
              fill={p.fill ?? 'none'}
              fillOpacity={p.opacity}
              fillRule="evenodd"
              stroke={p.stroke ?? 'none'}
              strokeWidth={p.width}
              strokeDasharray={p.dash?.join(' ')}
              strokeLinejoin="round"
              strokeLinecap="round"
            />
            {p.hatch && <path d={p.d} fill={`url(#${hatch})`} fillRule="evenodd" />}
          </g>
        ))}
        {scene.circles.map((c, i) => (
          <circle key={i} cx={c.x} cy={c.y} r={c.r} fill={c.fill} stroke={c.stroke ?? 'none'} strokeWidth={c.width} />
        ))}
        {scene.texts.map((t, i) => (
          <text
            key={i}
            x={t.x}
            y={t.y}
            fontSize={t.size}
            fontWeight={t.weight}
            fill={t.color}
            textAnchor={t.anchor}
            letterSpacing={t.letterSpacing}
            stroke={t.halo}
            strokeWidth={t.halo ? HALO_WIDTH : undefined}
            strokeLinejoin="round"
            paintOrder="stroke"
            className="static-map__text"
          >
            {t.text}
          </text>
        ))}
      </g>
    </svg>
  );
});
