import type { SourceLocation } from '../model/app-model';

/**
 * A problem found in the user's project. Stages return these; they throw only on
 * internal bugs. Codes are stable: APPC1xx config, APPC2xx analysis, APPC3xx validation,
 * APPC4xx packaging, APPC5xx policy.
 */
export interface Diagnostic {
  code: `APPC${number}`;
  severity: 'error' | 'warning';
  /** What happened, one line. */
  message: string;
  /** How to fix it, one line. */
  remedy?: string;
  /** Where; absent for project-wide problems. */
  location?: SourceLocation;
  /**
   * Other places that explain it (where a value comes from, where a const is changed), as TypeScript's related
   * information.
   */
  related?: RelatedLocation[];
  /** For an error the app's own code threw (APPC601): the `at ...` lines of its stack trace in the project. */
  trace?: readonly string[];
}

/** A second place a diagnostic points at, with what it is. */
export interface RelatedLocation {
  message: string;
  location: SourceLocation;
}

/** The diagnostic with `related` added (none: unchanged). */
export function withRelated(diagnostic: Diagnostic, related: readonly RelatedLocation[]): Diagnostic {
  return related.length === 0 ? diagnostic : { ...diagnostic, related: [...(diagnostic.related ?? []), ...related] };
}

export function error(
  code: Diagnostic['code'],
  message: string,
  remedy?: string,
  location?: SourceLocation,
): Diagnostic {
  return { code, severity: 'error', message, remedy, location };
}

export function warning(
  code: Diagnostic['code'],
  message: string,
  remedy?: string,
  location?: SourceLocation,
): Diagnostic {
  return { code, severity: 'warning', message, remedy, location };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Diagnostics in a stable order: by file, line, column, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) =>
    [d.location?.file ?? '', d.location?.line ?? 0, d.location?.column ?? 0, d.code] as const;
  return [...diagnostics].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  });
}
