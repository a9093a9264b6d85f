import '@fontsource/atkinson-hyperlegible/latin-400.css'
import '@fontsource/atkinson-hyperlegible/latin-700.css'
import '@fontsource/atkinson-hyperlegible/latin-ext-400.css'
import '@fontsource/atkinson-hyperlegible/latin-ext-700.css'
import './styles/global.css'
import { mount } from 'svelte'
import App from './App.svelte'
import { connectKiosk } from './lib/api'

const target = document.getElementById('app')
if (!target) throw new Error('index.html has no #app element')

mount(App, { target, props: { api: connectKiosk() } })
