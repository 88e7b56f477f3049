/**
 * URL of a sibling module (e.g. a worker script) next to the calling module, with the right extension:
 * `.ts` when running from sources under tsx (tests), `.js` when running compiled code from dist/.
 *
 * @example new Worker(siblingModuleUrl(import.meta.url, './extract-worker'))
 */
export function siblingModuleUrl(callerUrl: string, relativeNoExt: string): URL {
  const ext = callerUrl.endsWith('.ts') ? '.ts' : '.js';
  return new URL(relativeNoExt + ext, callerUrl);
}
