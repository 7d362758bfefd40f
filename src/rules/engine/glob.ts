/** Matches a glob with `*` (any run of characters) and `?` (one character); the whole value must match. */
export function globMatch(glob: string, value: string): boolean {
  if (!glob.includes('*') && !glob.includes('?')) return glob === value;
  return globRegExp(glob).test(value);
}

const cache = new Map<string, RegExp>();

function globRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (!re) {
    const body = glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    re = new RegExp(`^${body}$`);
    cache.set(glob, re);
  }
  return re;
}

/** Whether an id is selected by include globs (all when none) and not dropped by exclude globs. */
export function selected(id: string, include: readonly string[] | undefined, exclude: readonly string[] | undefined) {
  if (include?.length && !include.some((g) => globMatch(g, id))) return false;
  return !exclude?.some((g) => globMatch(g, id));
}
