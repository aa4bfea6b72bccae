import picomatch from "picomatch";

export const DEFAULT_INCLUDE = ["**/*.txt", "**/*.md", "**/*.markdown"];
export const DEFAULT_EXCLUDE = ["**/node_modules/**", "**/.*/**", "**/README*", "**/CHANGELOG*", "**/LICENSE*", "**/CONTRIBUTING*", "**/CODE_OF_CONDUCT*"];

/** Which paths (relative, forward slashes) are articles of the corpus; an empty list means the default. */
export function corpusFilter(include: string[] = DEFAULT_INCLUDE, exclude: string[] = DEFAULT_EXCLUDE): (relPath: string) => boolean {
  const inc = picomatch(include.length ? include : DEFAULT_INCLUDE, { dot: false, nocase: true });
  const exc = picomatch(exclude.length ? exclude : DEFAULT_EXCLUDE, { dot: true, nocase: true });
  return (p) => inc(p) && !exc(p);
}
