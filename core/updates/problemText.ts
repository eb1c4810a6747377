import type { Translate } from '../translate';
import type { UpdateProblem } from './checkUpdate';

/** The message for a refused update, in the writer's language (digest:update.*). */
export function problemText(t: Translate, p: UpdateProblem): string {
  switch (p.problem) {
    case 'empty':
      return t('digest:update.empty');
    case 'tooLong':
      return t('digest:update.tooLong', { max: p.max });
    case 'personalData':
      return t('digest:update.personalData', { found: p.kinds.map((k) => t(`digest:update.kind.${k}`)).join(', ') });
  }
}
