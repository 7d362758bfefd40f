#!/usr/bin/env node
// kubectl's plugin convention: an executable named kubectl-slipway on PATH makes `kubectl slipway …` work.
import { launch } from './launch.js';

launch('kubectl slipway');
