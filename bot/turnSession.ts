import type { TurnContext } from 'botbuilder';
import type { SafeguardingNotifier } from '../core/safeguarding/notifier';
import type { TranslatorFactory } from '../core/translate';
import { roleTranslator, type Turn } from '../dialogs/turn';
import type { Vocabulary } from '../dialogs/vocabulary';
import { toLocale } from '../locales';
import type { AppContext } from './appContext';
import type { Logger } from './logger';
import type { ParticipantState } from './participantState';

export interface TurnDeps {
  app: AppContext;
  /** Translators per language, built once per bot. */
  translators: TranslatorFactory;
  state: ParticipantState;
  vocabulary: Vocabulary;
  safeguarding: SafeguardingNotifier | undefined;
}

/**
 * Loads the participant's state and builds the Turn the dialogs work with. Language: the
 * participant's choice, else the channel locale, else DEFAULT_LOCALE.
 */
export async function openTurn(context: TurnContext, deps: TurnDeps): Promise<Turn> {
  const { app, state } = deps;
  const { pseudonym } = state.identify(context);
  const { profile, conversation: conv } = await state.load(context);
  if (Object.keys(profile).length === 0 && (await app.store.isDoNotContact(pseudonym))) {
    // Erased after `stop`: the marker keeps them opted out until they write `start`.
    profile.optedOut = true;
  }
  const locale = profile.locale ?? toLocale(context.activity.locale) ?? app.config.defaultLocale;
  let log: Logger | undefined;
  const turn: Turn = {
    context,
    app,
    vocabulary: deps.vocabulary,
    translators: deps.translators,
    safeguarding: deps.safeguarding,
    pseudonym,
    channel: context.activity.channelId,
    profile,
    conv,
    // Most turns log nothing: a pino child per turn would be built for nothing.
    get log() {
      return (log ??= app.logger.child({ participant: pseudonym }));
    },
    locale,
    // Parents are addressed with "u" once the role is known: the role is read at every lookup.
    t: roleTranslator(deps.translators(locale), () => profile.role),
    erased: false,
    async forgetState() {
      await state.delete(context);
    },
  };
  return turn;
}
