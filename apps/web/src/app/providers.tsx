import { I18nProvider, type I18nProviderProps } from '@cloudscape-design/components/i18n';
import enMessages from '@cloudscape-design/components/i18n/messages/all.en';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NotificationsProvider } from '@/components/notifications';
import { useLocale, type SupportedLanguage } from '@/lib/i18n';

/** Cloudscape's own texts (pagination, filters, dialogs) in each console language. */
const CLOUDSCAPE_MESSAGES = new Map<string, I18nProviderProps.Messages>([['en', enMessages]] satisfies [
  SupportedLanguage,
  I18nProviderProps.Messages,
][]);

interface AppProvidersProps {
  readonly queryClient: QueryClient;
  readonly children: ReactNode;
}

export function AppProviders({ queryClient, children }: AppProvidersProps) {
  const locale = useLocale();
  const messages = CLOUDSCAPE_MESSAGES.get(locale) ?? enMessages;
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={locale} messages={[messages]}>
        <NotificationsProvider>{children}</NotificationsProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
