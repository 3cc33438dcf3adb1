/*
 * A stand-in for Windows' bcryptprimitives.dll, for running the Windows
 * program under Wine 8 (Debian 12), which lacks it. Go's runtime needs
 * its ProcessPrng, which every Windows the program supports (10 and 11)
 * has. Only the package test puts this in Wine's system32; it is never
 * shipped. ProcessPrng fills the buffer from the system's random number
 * generator, as the real one does.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
