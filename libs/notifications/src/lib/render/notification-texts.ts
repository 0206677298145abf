import type { Language } from '@passage/journey-model';

/** What a template may use: titles from the life-event definition, a date and the labels of asked items. */
export interface TemplateWords {
  /** The life event's title, quoted. */
  readonly journey: string;
  /** The step's title, quoted (empty when the event has no step). */
  readonly step: string;
  /** A due date, formatted for the language. */
  readonly date: string;
  /** Labels of the asked data items, as a list in the language. */
  readonly items: string;
}

export interface RenderedNotification {
  readonly title: string;
  readonly text: string;
}

type Template = (w: TemplateWords) => RenderedNotification;

/** Templates by notification kind, with a variant after a colon (an expiry rule, or how a term concerns the subject). */
export type TemplateKey =
  | 'journey-started'
  | 'step-completed'
  | 'step-rejected'
  | 'step-expired'
  | 'step-expired:tacit-approval'
  | 'step-expired:tacit-refusal'
  | 'step-overdue'
  | 'step-overdue:escalate'
  | 'data-asked'
  | 'data-asked:unlabelled'
  | 'info-requested'
  | 'journey-completed'
  | 'journey-rejected'
  | 'journey-withdrawn'
  | 'term-expiring'
  | 'term-expiring:waiting'
  | 'news';

const t = (title: string, text: string): RenderedNotification => ({ title, text });

/**
 * Plain-language texts. Only titles, dates and labels go in: never a data item's value, never an agency's free-text
 * reason (it may name people); the e-counter shows the details after the subject has logged in.
 */
export const TEMPLATES: Readonly<Record<Language, Readonly<Record<TemplateKey, Template>>>> = {
  en: {
    'journey-started': (w) =>
      t(
        `We started ${w.journey} for you`,
        `Based on information the government already has, we started ${w.journey} for you. You do not need to apply. You can follow every step in your e-counter.`,
      ),
    'step-completed': (w) => t(`${w.step} is done`, `The step ${w.step} of ${w.journey} is done.`),
    'step-rejected': (w) =>
      t(
        `${w.step} was refused`,
        `The step ${w.step} of ${w.journey} was refused. In your e-counter you can see why and what you can do next.`,
      ),
    'step-expired': (w) =>
      t(
        `The term for ${w.step} has ended`,
        `The legal term for ${w.step} of ${w.journey} has ended. In your e-counter you can see what happens next.`,
      ),
    'step-expired:tacit-approval': (w) =>
      t(
        `${w.step}: approved because the term ended`,
        `The legal term for ${w.step} of ${w.journey} ended without a decision. By law, your request is therefore approved.`,
      ),
    'step-expired:tacit-refusal': (w) =>
      t(
        `${w.step}: refused because the term ended`,
        `The legal term for ${w.step} of ${w.journey} ended without a decision. By law, your request is therefore refused. In your e-counter you can see what you can do next.`,
      ),
    'step-overdue': (w) =>
      t(
        `${w.step} is taking longer than allowed`,
        `The service handling ${w.step} of ${w.journey} did not finish within the legal term. We have reminded them.`,
      ),
    'step-overdue:escalate': (w) =>
      t(
        `${w.step} is taking longer than allowed`,
        `The service handling ${w.step} of ${w.journey} did not finish within the legal term. We have alerted the authority responsible.`,
      ),
    'data-asked': (w) =>
      t(
        'We need information from you',
        `For ${w.journey} we need this from you: ${w.items}. You can give it in your e-counter.`,
      ),
    'data-asked:unlabelled': (w) =>
      t(
        'We need information from you',
        `For ${w.journey} we need some information from you. You can see what and give it in your e-counter.`,
      ),
    'info-requested': (w) =>
      t(
        `${w.step}: the service asks for more information`,
        `The service handling ${w.step} of ${w.journey} needs more information from you. The legal term is paused until you answer. In your e-counter you can see what is asked.`,
      ),
    'journey-completed': (w) =>
      t(
        `${w.journey} is complete`,
        `All steps of ${w.journey} are done. You can find the results in your e-counter. There you can also tell us, with one question, how it went.`,
      ),
    'journey-rejected': (w) =>
      t(
        `${w.journey} could not be completed`,
        `${w.journey} was stopped because a required step was refused. In your e-counter you can see why and what you can do next.`,
      ),
    'journey-withdrawn': (w) =>
      t(
        `${w.journey} was withdrawn`,
        `${w.journey} was withdrawn. Steps that were already done are undone where needed.`,
      ),
    'term-expiring': (w) =>
      t(
        `${w.step}: please act before ${w.date}`,
        `The term for ${w.step} of ${w.journey} ends on ${w.date}. Please do what is asked of you in your e-counter before then.`,
      ),
    'term-expiring:waiting': (w) =>
      t(
        `${w.step}: the service is waiting for your answer`,
        `The service handling ${w.step} of ${w.journey} is still waiting for your answer. The legal term is paused until you answer, so your request only moves on once you do.`,
      ),
    news: (w) => t(`News about ${w.journey}`, `There is news about ${w.journey}. You can see it in your e-counter.`),
  },
  nl: {
    'journey-started': (w) =>
      t(
        `We zijn ${w.journey} voor je gestart`,
        `Op basis van gegevens die de overheid al heeft, zijn we ${w.journey} voor je gestart. Je hoeft niets aan te vragen. In je e-loket volg je elke stap.`,
      ),
    'step-completed': (w) => t(`${w.step} is afgerond`, `De stap ${w.step} van ${w.journey} is afgerond.`),
    'step-rejected': (w) =>
      t(
        `${w.step} is geweigerd`,
        `De stap ${w.step} van ${w.journey} is geweigerd. In je e-loket lees je waarom en wat je nu kunt doen.`,
      ),
    'step-expired': (w) =>
      t(
        `De termijn voor ${w.step} is voorbij`,
        `De wettelijke termijn voor ${w.step} van ${w.journey} is voorbij. In je e-loket lees je wat er nu gebeurt.`,
      ),
    'step-expired:tacit-approval': (w) =>
      t(
        `${w.step}: goedgekeurd omdat de termijn voorbij is`,
        `De wettelijke termijn voor ${w.step} van ${w.journey} is voorbij zonder beslissing. Volgens de wet is je aanvraag daarom goedgekeurd.`,
      ),
    'step-expired:tacit-refusal': (w) =>
      t(
        `${w.step}: geweigerd omdat de termijn voorbij is`,
        `De wettelijke termijn voor ${w.step} van ${w.journey} is voorbij zonder beslissing. Volgens de wet is je aanvraag daarom geweigerd. In je e-loket lees je wat je nu kunt doen.`,
      ),
    'step-overdue': (w) =>
      t(
        `${w.step} duurt langer dan toegelaten`,
        `De dienst die ${w.step} van ${w.journey} behandelt, is niet klaar binnen de wettelijke termijn. We hebben de dienst eraan herinnerd.`,
      ),
    'step-overdue:escalate': (w) =>
      t(
        `${w.step} duurt langer dan toegelaten`,
        `De dienst die ${w.step} van ${w.journey} behandelt, is niet klaar binnen de wettelijke termijn. We hebben de verantwoordelijke overheid verwittigd.`,
      ),
    'data-asked': (w) =>
      t(
        'We hebben gegevens van je nodig',
        `Voor ${w.journey} hebben we dit van je nodig: ${w.items}. Je kunt het doorgeven in je e-loket.`,
      ),
    'data-asked:unlabelled': (w) =>
      t(
        'We hebben gegevens van je nodig',
        `Voor ${w.journey} hebben we nog gegevens van je nodig. In je e-loket zie je welke en kun je ze doorgeven.`,
      ),
    'info-requested': (w) =>
      t(
        `${w.step}: de dienst vraagt meer informatie`,
        `De dienst die ${w.step} van ${w.journey} behandelt, heeft meer informatie van je nodig. De wettelijke termijn staat stil tot je antwoordt. In je e-loket zie je wat er gevraagd wordt.`,
      ),
    'journey-completed': (w) =>
      t(
        `${w.journey} is afgerond`,
        `Alle stappen van ${w.journey} zijn afgerond. Je vindt het resultaat in je e-loket. Daar kun je ons ook met één vraag laten weten hoe het ging.`,
      ),
    'journey-rejected': (w) =>
      t(
        `${w.journey} kon niet worden afgerond`,
        `${w.journey} is stopgezet omdat een noodzakelijke stap is geweigerd. In je e-loket lees je waarom en wat je nu kunt doen.`,
      ),
    'journey-withdrawn': (w) =>
      t(
        `${w.journey} is ingetrokken`,
        `${w.journey} is ingetrokken. Stappen die al gebeurd waren, worden waar nodig ongedaan gemaakt.`,
      ),
    'term-expiring': (w) =>
      t(
        `${w.step}: doe het voor ${w.date}`,
        `De termijn voor ${w.step} van ${w.journey} loopt af op ${w.date}. Doe voor die datum wat er in je e-loket van je gevraagd wordt.`,
      ),
    'term-expiring:waiting': (w) =>
      t(
        `${w.step}: de dienst wacht op je antwoord`,
        `De dienst die ${w.step} van ${w.journey} behandelt, wacht nog op je antwoord. De wettelijke termijn staat stil tot je antwoordt: pas dan gaat je aanvraag verder.`,
      ),
    news: (w) => t(`Nieuws over ${w.journey}`, `Er is nieuws over ${w.journey}. Je vindt het in je e-loket.`),
  },
  fr: {
    'journey-started': (w) =>
      t(
        `Nous avons lancé ${w.journey} pour vous`,
        `Sur la base d’informations dont l’administration dispose déjà, nous avons lancé ${w.journey} pour vous. Vous ne devez rien demander. Vous pouvez suivre chaque étape dans votre guichet électronique.`,
      ),
    'step-completed': (w) => t(`${w.step} : c’est fait`, `L’étape ${w.step} de ${w.journey} est terminée.`),
    'step-rejected': (w) =>
      t(
        `${w.step} : refusé`,
        `L’étape ${w.step} de ${w.journey} a été refusée. Dans votre guichet électronique, vous trouvez pourquoi et ce que vous pouvez faire.`,
      ),
    'step-expired': (w) =>
      t(
        `${w.step} : le délai a expiré`,
        `Le délai légal pour ${w.step} de ${w.journey} a expiré. Dans votre guichet électronique, vous trouvez la suite.`,
      ),
    'step-expired:tacit-approval': (w) =>
      t(
        `${w.step} : approuvé à l’expiration du délai`,
        `Le délai légal pour ${w.step} de ${w.journey} a expiré sans décision. Selon la loi, votre demande est donc approuvée.`,
      ),
    'step-expired:tacit-refusal': (w) =>
      t(
        `${w.step} : refusé à l’expiration du délai`,
        `Le délai légal pour ${w.step} de ${w.journey} a expiré sans décision. Selon la loi, votre demande est donc refusée. Dans votre guichet électronique, vous trouvez ce que vous pouvez faire.`,
      ),
    'step-overdue': (w) =>
      t(
        `${w.step} : le délai est dépassé`,
        `Le service qui traite ${w.step} de ${w.journey} n’a pas terminé dans le délai légal. Nous le lui avons rappelé.`,
      ),
    'step-overdue:escalate': (w) =>
      t(
        `${w.step} : le délai est dépassé`,
        `Le service qui traite ${w.step} de ${w.journey} n’a pas terminé dans le délai légal. Nous avons prévenu l’autorité responsable.`,
      ),
    'data-asked': (w) =>
      t(
        'Nous avons besoin d’informations',
        `Pour ${w.journey}, nous avons besoin de ceci : ${w.items}. Vous pouvez le communiquer dans votre guichet électronique.`,
      ),
    'data-asked:unlabelled': (w) =>
      t(
        'Nous avons besoin d’informations',
        `Pour ${w.journey}, nous avons encore besoin d’informations. Votre guichet électronique indique lesquelles et vous permet de les communiquer.`,
      ),
    'info-requested': (w) =>
      t(
        `${w.step} : le service demande des informations`,
        `Le service qui traite ${w.step} de ${w.journey} a besoin d’informations complémentaires. Le délai légal est suspendu jusqu’à votre réponse. Votre guichet électronique indique ce qui est demandé.`,
      ),
    'journey-completed': (w) =>
      t(
        `${w.journey} : c’est terminé`,
        `Toutes les étapes de ${w.journey} sont terminées. Vous trouvez le résultat dans votre guichet électronique. Vous pouvez aussi nous y dire, en une question, comment cela s’est passé.`,
      ),
    'journey-rejected': (w) =>
      t(
        `${w.journey} : la démarche n’a pas abouti`,
        `${w.journey} a été arrêté parce qu’une étape nécessaire a été refusée. Dans votre guichet électronique, vous trouvez pourquoi et ce que vous pouvez faire.`,
      ),
    'journey-withdrawn': (w) =>
      t(
        `${w.journey} : la démarche a été retirée`,
        `${w.journey} a été retiré. Les étapes déjà effectuées sont annulées si nécessaire.`,
      ),
    'term-expiring': (w) =>
      t(
        `${w.step} : à faire avant le ${w.date}`,
        `Le délai pour ${w.step} de ${w.journey} expire le ${w.date}. Faites ce qui vous est demandé dans votre guichet électronique avant cette date.`,
      ),
    'term-expiring:waiting': (w) =>
      t(
        `${w.step} : le service attend votre réponse`,
        `Le service qui traite ${w.step} de ${w.journey} attend toujours votre réponse. Le délai légal est suspendu jusqu’à votre réponse : votre demande n’avance qu’ensuite.`,
      ),
    news: (w) =>
      t(
        `Du nouveau pour ${w.journey}`,
        `Il y a du nouveau pour ${w.journey}. Vous le trouvez dans votre guichet électronique.`,
      ),
  },
};

/** Closes every e-mail: it is automatic and nobody reads replies. */
export const MAIL_FOOTER: Readonly<Record<Language, string>> = {
  en: 'This is an automatic message from Passage. Please do not reply to it.',
  nl: 'Dit is een automatisch bericht van Passage. Antwoorden op dit bericht worden niet gelezen.',
  fr: 'Ceci est un message automatique de Passage. Merci de ne pas y répondre.',
};

export const LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', nl: 'nl-BE', fr: 'fr-BE' };

export function quote(language: Language, text: string): string {
  return language === 'fr' ? `«\u00a0${text}\u00a0»` : `“${text}”`;
}
