import type { Locale } from '../../core/types';
import type { WhatsAppMessage } from './render';

/** What a tap on the template's quick-reply button (or our own Start button) sends back. */
export const START_PAYLOAD = 'start';

export type ProactiveKind = 'invite' | 'reminder';

/** Template language codes as the templates are registered in WhatsApp Manager (docs/whatsapp.md). */
export const TEMPLATE_LANGUAGE: Record<Locale, string> = { nl: 'nl', en: 'en' };

/**
 * A pre-approved template message: the only kind WhatsApp delivers outside the 24-hour window.
 * Both templates have one body variable (the project's name) and one quick-reply button.
 */
export function templateMessage(name: string, locale: Locale, projectName: string): WhatsAppMessage {
  return {
    type: 'template',
    template: {
      name,
      language: { policy: 'deterministic', code: TEMPLATE_LANGUAGE[locale] },
      components: [
        { type: 'body', parameters: [{ type: 'text', text: projectName }] },
        { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: START_PAYLOAD }] },
      ],
    },
  };
}

/** The news notice: no variables and no button (the parent types `nieuws`), see docs/whatsapp.md. */
export function newsTemplateMessage(name: string, locale: Locale): WhatsAppMessage {
  return { type: 'template', template: { name, language: { policy: 'deterministic', code: TEMPLATE_LANGUAGE[locale] }, components: [] } };
}
