import { InvalidInputError } from '../core/errors.js';

/** A CT display window: HU in [level − width/2, level + width/2] maps linearly to [0, 1], clipped. */
export interface CtWindow {
  readonly name: string;
  readonly level: number;
  readonly width: number;
}

/**
 * Named windows for head CT (level/width in HU), as commonly used for intracranial haemorrhage:
 * brain 40/80, subdural 75/215, blood 60/60 (30–90 HU: acute clot 50–80 HU), stroke 32/8 is too narrow for
 * features and is not offered, bone 600/2800, soft tissue 50/350.
 */
export const WINDOW_PRESETS: Readonly<Record<string, CtWindow>> = {
  brain: { name: 'brain', level: 40, width: 80 },
  subdural: { name: 'subdural', level: 75, width: 215 },
  blood: { name: 'blood', level: 60, width: 60 },
  bone: { name: 'bone', level: 600, width: 2800 },
  soft: { name: 'soft', level: 50, width: 350 },
};

/** Default channel windows (R, G, B): brain, subdural and blood. */
export const DEFAULT_WINDOWS: readonly [CtWindow, CtWindow, CtWindow] = [WINDOW_PRESETS.brain, WINDOW_PRESETS.subdural, WINDOW_PRESETS.blood];

/**
 * Parses a window specification: one or three comma-separated items, each a preset name or `level:width`
 * (e.g. `brain,subdural,blood`, `40:80`). One window is replicated to the three channels.
 */
export function parseWindows(spec: string): [CtWindow, CtWindow, CtWindow] {
  const items = spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length !== 1 && items.length !== 3) {
    throw new InvalidInputError('a window specification needs 1 or 3 windows', { found: JSON.stringify(spec), fix: `use e.g. "brain,subdural,blood" or "40:80"; presets: ${Object.keys(WINDOW_PRESETS).join(', ')}.` });
  }
  const ws = items.map(parseOne);
  return ws.length === 1 ? [ws[0], ws[0], ws[0]] : [ws[0], ws[1], ws[2]];
}

function parseOne(item: string): CtWindow {
  const preset = WINDOW_PRESETS[item.toLowerCase()];
  if (preset) return preset;
  const m = /^(-?\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(item);
  if (!m || Number(m[2]) <= 0) {
    throw new InvalidInputError(`unknown window "${item}"`, { expected: `a preset (${Object.keys(WINDOW_PRESETS).join(', ')}) or level:width with width > 0`, found: item });
  }
  return { name: item, level: Number(m[1]), width: Number(m[2]) };
}

/** Maps HU to [0, 1] through a window. */
export function applyWindow(hu: number, w: CtWindow): number {
  const v = (hu - (w.level - w.width / 2)) / w.width;
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
