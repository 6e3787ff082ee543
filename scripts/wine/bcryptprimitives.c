/*
 * Test-only stand-in for Windows' bcryptprimitives.dll, which Wine 8.0
 * (Debian 12) does not have. Go programs since Go 1.22 take their random
 * numbers from its ProcessPrng at start and stop without it. Real Windows
 * 10 and later ship the DLL; this file is never part of a package: the
 * Windows checks in scripts/test-dist.sh put it into their own Wine prefix.
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
