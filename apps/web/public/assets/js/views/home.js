// `/`: signed in, go to your start page; otherwise, sign in here.
import { homePath, signedIn } from '../session.js';
import { render as renderSignIn } from './sign-in.js';

export const access = 'public';

export async function render(ctx) {
  if (signedIn()) {
    ctx.navigate(homePath(), { replace: true });
    return;
  }
  await renderSignIn(ctx);
}
