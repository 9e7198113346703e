/**
 * The flash alert's sound, synthesised with WebAudio (no audio file to fetch or cache): two short
 * high beeps. Browsers start an AudioContext suspended until the page has had a user gesture, so
 * the context is created (or resumed) on the first pointer or key press; before that a flash is
 * silent, which is what the browser would enforce anyway.
 */
let context: AudioContext | null = null;

function unlock(): void {
	try {
		context ??= new AudioContext();
		if (context.state === 'suspended') void context.resume();
	} catch {
		context = null; // no WebAudio: alerts stay silent, everything else works
	}
}

/** Listens for the first user gesture that lets this page play sound; returns the removal. */
export function unlockAudioOnGesture(): () => void {
	const events = ['pointerdown', 'keydown'] as const;
	const onGesture = () => {
		unlock();
		for (const event of events) window.removeEventListener(event, onGesture, true);
	};
	for (const event of events) window.addEventListener(event, onGesture, true);
	return () => {
		for (const event of events) window.removeEventListener(event, onGesture, true);
	};
}

const BEEPS = [0, 0.18];
const BEEP_SECONDS = 0.12;
const PITCH_HZ = 880;
const VOLUME = 0.18;

/** Plays the flash tone now, if the page may play sound. */
export function playFlashTone(): void {
	if (!context || context.state !== 'running') return;
	const start = context.currentTime;
	for (const offset of BEEPS) {
		const oscillator = context.createOscillator();
		const gain = context.createGain();
		oscillator.type = 'square';
		oscillator.frequency.value = PITCH_HZ;
		// A fast attack and release: no click at either end.
		gain.gain.setValueAtTime(0, start + offset);
		gain.gain.linearRampToValueAtTime(VOLUME, start + offset + 0.01);
		gain.gain.linearRampToValueAtTime(0, start + offset + BEEP_SECONDS);
		oscillator.connect(gain).connect(context.destination);
		oscillator.start(start + offset);
		oscillator.stop(start + offset + BEEP_SECONDS + 0.02);
	}
}
