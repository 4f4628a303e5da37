import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { localeCookie, localeFromAcceptLanguage, timeZone, toLocale } from './config';
import { messages } from './translate';

/** next-intl: the locale from the user's choice (cookie), else the browser's, Korean by default. */
export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(localeCookie)?.value;
  const locale = cookie
    ? toLocale(cookie)
    : localeFromAcceptLanguage((await headers()).get('accept-language'));
  return { locale, messages: messages[locale], timeZone };
});
