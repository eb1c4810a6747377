import type { Project } from '../core/projects';
import { linkProblem, sessionLink } from '../core/sessionLink';
import type { Translate } from '../core/translate';
import type { Locale, SessionCode } from '../core/types';
import type { AdaptiveCard } from './digestCard';
import { qrPngDataUri } from './qrImage';
import { renderSessionCodeCard } from './sessionCodeCard';

export interface LinkBase {
  /** PUBLIC_BASE_URL, or this machine's address when it is not set. */
  url: string;
  /** False when PUBLIC_BASE_URL is missing: the card then says the link only works here. */
  configured: boolean;
}

/** The card for a code just made: the same for Teams and for `npx hoormij code --card`. */
export async function sessionCodeCard(
  code: SessionCode,
  project: Project,
  base: LinkBase,
  lang: { locale: Locale; t: Translate },
  freshCommand?: string,
): Promise<AdaptiveCard> {
  const link = sessionLink(base.url, code.code);
  const validDays = Math.max(1, Math.round((Date.parse(code.expiresAt) - Date.parse(code.createdAt)) / 86_400_000));
  return renderSessionCodeCard(
    {
      code: code.code,
      link,
      qrDataUri: await qrPngDataUri(link),
      projectName: project.name[lang.locale],
      team: code.team,
      expiresAt: code.expiresAt,
      validDays,
      timeZone: project.timeZone,
      locale: lang.locale,
      linkProblem: linkProblem(base.url, base.configured),
      freshCommand,
    },
    lang.t,
  );
}
