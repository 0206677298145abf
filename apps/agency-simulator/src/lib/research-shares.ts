import type { ShareRule, Shares } from './behaviour.model';

/** Where the research says nothing: few rejections, some requests for more information. */
export const DEFAULT_SHARES: Shares = { reject: 0.03, info: 0.08 };

/**
 * Services where the research (shared/journeys) describes more back-and-forth than usual. It gives no figures: the
 * shares are our estimates, raised where its text explains why.
 */
export const RESEARCH_SHARE_RULES: readonly (ShareRule & { readonly why: string })[] = [
  {
    agency: 'gemeente',
    service: 'drinks-licence',
    info: 0.25,
    why: 'biz-13: the most paper-heavy step of starting a business (about 10 attachments: lease, insurance, fire safety and electrical certificates, morality certificate)',
  },
  {
    agency: 'gemeente',
    service: 'building-permit',
    info: 0.2,
    why: 'bouw-09: the municipality checks the file within 30 days and answers that it is complete or with a list of what is missing',
  },
  {
    agency: 'favv',
    service: 'favv-registration',
    info: 0.15,
    why: 'biz-11: the 30 working days run from a complete application (food activities, self-check or HACCP knowledge)',
  },
];
