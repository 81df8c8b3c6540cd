import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { TaalProvider } from './i18n/i18n.tsx';

const wortel = document.getElementById('app');
if (!wortel) throw new Error('Element #app ontbreekt in index.html');
createRoot(wortel).render(
  <StrictMode>
    <TaalProvider>
      <App />
    </TaalProvider>
  </StrictMode>,
);
