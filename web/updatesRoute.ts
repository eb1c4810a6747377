import type * as restify from 'restify';
import type { AppContext } from '../bot/appContext';
import type { Project } from '../core/projects';
import { parseSessionCode } from '../core/sessionCodes';
import { currentUpdates } from '../core/updates/pickUpdates';
import { updateText } from '../core/updates/types';
import { toLocale } from '../locales';

export const UPDATES_ROUTE = '/api/updates';

/** The project the page is for: ?project=, else the project of a valid ?code=, else the default. */
async function projectOf(app: AppContext, req: restify.Request): Promise<Project | undefined> {
  const q = (req.query ?? {}) as Record<string, unknown>;
  if (typeof q.project === 'string') return app.data.projects.get(q.project);
  const code = typeof q.code === 'string' ? parseSessionCode(q.code) : undefined;
  if (code) {
    const found = await app.store.getSessionCode(code);
    if (found && Date.parse(found.expiresAt) > app.clock.now().getTime()) return app.data.projects.get(found.project);
  }
  return app.data.defaultProject;
}

/**
 * GET /api/updates?project=…&lang=…: the project's latest update for the web chat page to show
 * above the chat. Project data only (the lead's text and the theme), nothing about anyone.
 */
export function registerUpdatesRoute(server: restify.Server, app: AppContext): void {
  server.get(UPDATES_ROUTE, async (req, res) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const lang = (typeof q.lang === 'string' && toLocale(q.lang)) || app.config.defaultLocale;
    const headers = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
    try {
      const project = await projectOf(app, req);
      if (!project) {
        res.send(404, { error: 'unknown project' }, headers);
        return;
      }
      const [latest] = currentUpdates(await app.store.listUpdates(project.id));
      const t = app.translatorFor(lang);
      res.send(
        200,
        {
          project: project.id,
          lang,
          latest: latest
            ? {
                id: latest.id,
                theme: app.data.themes.get(latest.theme)?.label[lang] ?? latest.theme,
                text: updateText(latest, lang),
                line: t('updates:web', { text: updateText(latest, lang) }),
              }
            : null,
        },
        headers,
      );
    } catch (err) {
      app.logger.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, 'updates for the web page failed');
      res.send(503, { error: 'updates unavailable' }, headers);
    }
  });
}
