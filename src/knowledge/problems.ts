/** A problem found in a knowledge file: which file, which field, and why. Collected, never thrown one by one. */
export interface KnowledgeProblem {
  file: string;
  field: string;
  message: string;
}

export function formatProblem(p: KnowledgeProblem): string {
  return `${p.file}${p.field ? ` › ${p.field}` : ''}: ${p.message}`;
}

/** Thrown when knowledge cannot be used; its message lists every problem, one per line, with no stack noise. */
export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(
      `${problems.length} problem(s) in the knowledge ` +
        `files:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
    );
    this.name = 'KnowledgeError';
  }
}

/** Turns zod issues into problems: the path becomes the field ("aliases[2]", "outputs[0].level[1].url"). */
export function issuesToProblems(
  file: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix = '',
): KnowledgeProblem[] {
  return issues.map((issue) => ({ file, field: joinPath(prefix, issue.path), message: issue.message }));
}

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
