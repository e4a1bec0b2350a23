import './zod-jitless';
import '@mantine/core/styles.css';
import './styles/fonts.css';
import './styles/theme-variables.css';
import './styles/app.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { CustomerDisplayApp, isCustomerDisplay } from './reception/CustomerDisplayApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {isCustomerDisplay() ? <CustomerDisplayApp /> : <App />}
  </StrictMode>,
);
